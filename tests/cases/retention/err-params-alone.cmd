retention --params project-small.csv
