cycle-length --asof 2024-03-31T00:00:00Z --stale 30 --km --by channel stale.csv
