cycle-length nosuch.csv
