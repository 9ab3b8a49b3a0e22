retention --project 2 project-small.csv
