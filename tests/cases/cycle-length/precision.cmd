cycle-length --precision 2 --km small.csv
