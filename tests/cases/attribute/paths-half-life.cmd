attribute --paths --half-life 3 example.csv
