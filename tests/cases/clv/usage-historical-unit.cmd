clv --historical --unit weeks orders.csv
