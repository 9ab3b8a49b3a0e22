cycle-length --from opportunity backwards.csv
