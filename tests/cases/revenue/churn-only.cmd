revenue --churn 0.5 orders.csv
