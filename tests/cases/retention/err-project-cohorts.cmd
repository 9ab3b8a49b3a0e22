retention --cohorts --project 3 project-small.csv
