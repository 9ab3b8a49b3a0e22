cycle-length --annotate --within 30 small.csv
