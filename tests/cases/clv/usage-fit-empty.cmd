clv --fit , orders.csv
