retention sum-range.csv
