retention --project 0 project-small.csv
