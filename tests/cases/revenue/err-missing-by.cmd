revenue --by region orders.csv
