cycle-length --by channel header-only.csv
