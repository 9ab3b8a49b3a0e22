clv --historical --churn 0 orders.csv
