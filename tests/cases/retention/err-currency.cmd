retention two-currencies.csv
