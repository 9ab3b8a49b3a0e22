cycle-length --annotate small.csv
