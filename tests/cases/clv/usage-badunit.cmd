clv --summary --unit years orders.csv
