attribute bad-amount.csv
