retention --project 1 --params project-no-churn.csv
