retention --project 1 --params project-all-churn.csv
