cycle-length backwards.csv
