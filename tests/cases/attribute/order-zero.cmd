attribute --order 0 example.csv
