clv --summary --observation-end 2023-12-31 orders.csv
