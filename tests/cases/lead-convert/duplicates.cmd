lead-convert dups.csv
