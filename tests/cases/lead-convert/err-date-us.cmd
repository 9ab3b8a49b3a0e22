lead-convert us-date.csv
