retention --project 1001 project-small.csv
