revenue no-amount.csv
