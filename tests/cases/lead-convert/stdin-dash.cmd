lead-convert - < small.csv
