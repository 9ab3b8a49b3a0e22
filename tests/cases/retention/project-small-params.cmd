retention --project 2 --params --discount 0.01 project-small.csv
