clv --historical --by channel --total orders.csv
