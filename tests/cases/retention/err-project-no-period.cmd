retention --project 3 project-no-period.csv
