clv --summary --calendar orders.csv
