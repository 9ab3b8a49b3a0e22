retention --project 3 --discount 0.2 project-small.csv
