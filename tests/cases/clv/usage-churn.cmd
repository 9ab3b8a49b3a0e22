clv --summary --churn 0.1 orders.csv
