cycle-length --annotate --km small.csv
