cycle-length --within 30 --within 90 small.csv
