attribute --paths bad-count.csv
