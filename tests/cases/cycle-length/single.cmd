cycle-length --km single.csv
