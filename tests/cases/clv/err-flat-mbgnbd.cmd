clv --fit mbgnbd orders.csv
