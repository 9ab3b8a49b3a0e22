attribute --by channel weights.csv
