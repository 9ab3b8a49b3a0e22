cycle-length --from sql --to sql small.csv
