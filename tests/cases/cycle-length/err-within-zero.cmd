cycle-length --within 0 small.csv
