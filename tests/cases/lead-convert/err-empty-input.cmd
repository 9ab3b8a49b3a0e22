lead-convert empty.csv
