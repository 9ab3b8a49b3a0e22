attribute --paths --bootstrap 0 example.csv
