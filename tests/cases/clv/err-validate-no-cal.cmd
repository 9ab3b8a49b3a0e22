clv --validate errors orders.csv
