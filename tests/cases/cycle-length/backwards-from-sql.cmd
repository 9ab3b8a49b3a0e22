cycle-length --from sql backwards.csv
