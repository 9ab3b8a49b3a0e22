lead-convert small.csv dups.csv
