cycle-length --skip-bad backwards.csv
