cycle-length --km small.csv
