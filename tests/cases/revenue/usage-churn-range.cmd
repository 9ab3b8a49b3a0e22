revenue --churn 1.5 orders.csv
