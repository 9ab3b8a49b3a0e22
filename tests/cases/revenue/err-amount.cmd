revenue bad-amount.csv
