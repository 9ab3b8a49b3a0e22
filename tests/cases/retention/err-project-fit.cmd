retention --project 3 --by segment project-groups.csv
