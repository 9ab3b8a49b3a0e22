attribute --paths empty-step.csv
