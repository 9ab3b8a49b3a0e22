clv --summary --by channel orders.csv
