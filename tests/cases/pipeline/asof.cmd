pipeline --period quarter --asof 2025-03-31 levers.csv
