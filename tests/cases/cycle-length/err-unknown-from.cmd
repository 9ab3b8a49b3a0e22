cycle-length --from deal small.csv
