cycle-length --asof 2024-02-29 small.csv
