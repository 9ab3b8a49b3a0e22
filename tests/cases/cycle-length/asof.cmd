cycle-length --km --asof 2024-03-31 small.csv
