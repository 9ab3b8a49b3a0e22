cycle-length --asof 2024-03-31T00:00:00Z --stale 29.5 --km --include-lost stale.csv
