clv --summary --horizon 5 orders.csv
