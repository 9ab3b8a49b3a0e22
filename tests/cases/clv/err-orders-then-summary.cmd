clv --fit bgnbd orders.csv four.csv
