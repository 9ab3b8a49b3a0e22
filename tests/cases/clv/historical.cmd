clv --historical orders.csv
