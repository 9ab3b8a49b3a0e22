cycle-length --km --asof 2024-01-06T00:00:00Z ties.csv
