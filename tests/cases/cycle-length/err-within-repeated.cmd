cycle-length --within 30,90,30.0 small.csv
