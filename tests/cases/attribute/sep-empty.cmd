attribute --paths --path-sep "" example.csv
