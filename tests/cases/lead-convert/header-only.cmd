lead-convert header-only.csv
