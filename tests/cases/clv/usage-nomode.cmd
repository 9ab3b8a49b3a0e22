clv orders.csv
