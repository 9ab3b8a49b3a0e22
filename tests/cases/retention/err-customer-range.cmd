retention customer-range.csv
