pipeline --aging --from lead --asof 2025-03-31 levers.csv
