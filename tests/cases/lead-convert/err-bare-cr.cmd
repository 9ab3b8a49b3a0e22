lead-convert mac.csv
