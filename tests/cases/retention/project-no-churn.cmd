retention --project 1 project-no-churn.csv
