cycle-length --km header-only.csv
