cycle-length small.csv
