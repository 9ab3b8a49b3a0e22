cycle-length --within 30,1e7 small.csv
