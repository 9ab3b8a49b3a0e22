revenue --churn 0 orders.csv
