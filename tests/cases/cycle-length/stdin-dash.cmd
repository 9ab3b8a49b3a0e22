cycle-length - < small.csv
