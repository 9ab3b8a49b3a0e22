clv --summary --historical orders.csv
