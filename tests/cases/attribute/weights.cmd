attribute --bootstrap 0 --precision 4 weights.csv
