cycle-length --km --from opportunity small.csv
