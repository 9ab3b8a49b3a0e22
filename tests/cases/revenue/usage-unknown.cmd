revenue --unit weeks orders.csv
