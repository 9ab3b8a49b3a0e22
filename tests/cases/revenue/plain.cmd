revenue orders.csv
