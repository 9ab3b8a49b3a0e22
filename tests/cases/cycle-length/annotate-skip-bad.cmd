cycle-length --annotate --skip-bad backwards.csv
