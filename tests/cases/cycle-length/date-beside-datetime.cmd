cycle-length --stages created,customer --include-lost date-beside-datetime.csv
