retention --project 3 --rates project-small.csv
