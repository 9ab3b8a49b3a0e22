cycle-length --within 30,abc small.csv
