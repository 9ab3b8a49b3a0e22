retention --project 3 --params --discount 10.5 project-small.csv
