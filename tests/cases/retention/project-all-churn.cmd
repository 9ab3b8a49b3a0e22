retention --project 1 project-all-churn.csv
