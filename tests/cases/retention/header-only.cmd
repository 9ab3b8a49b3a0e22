retention header-only.csv
