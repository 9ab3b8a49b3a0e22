clv --summary --observation-end 2999-01-01 orders.csv
