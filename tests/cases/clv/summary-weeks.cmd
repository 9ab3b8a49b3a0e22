clv --summary --unit weeks orders.csv
