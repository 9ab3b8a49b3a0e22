clv --summary --observation-end 2199-01-01 orders.csv
