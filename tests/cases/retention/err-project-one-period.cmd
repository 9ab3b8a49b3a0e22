retention --project 3 --params project-one-period.csv
