cycle-length --annotate backwards.csv
