clv --summary --total orders.csv
