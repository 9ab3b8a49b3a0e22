clv --predict orders.csv
