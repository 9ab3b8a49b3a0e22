cycle-length --asof 2024-03-31T00:00:00Z --km --by channel stale.csv
