lead-convert small.csv
