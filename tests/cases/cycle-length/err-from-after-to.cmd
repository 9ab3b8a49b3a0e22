cycle-length --from customer --to sql small.csv
