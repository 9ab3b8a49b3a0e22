retention --project 3 --params --discount 0 project-small.csv
