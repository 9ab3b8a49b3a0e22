pipeline --annotate --stale-after 10 --asof 2025-03-31 levers.csv
