revenue header-only.csv
