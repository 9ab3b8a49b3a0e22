attribute --path-sep "|" weights.csv
