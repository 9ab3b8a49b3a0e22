retention bad-order-date.csv
