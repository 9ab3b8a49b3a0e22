clv --summary orders.csv
