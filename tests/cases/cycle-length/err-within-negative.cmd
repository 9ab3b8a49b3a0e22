cycle-length --within 30,-7 small.csv
