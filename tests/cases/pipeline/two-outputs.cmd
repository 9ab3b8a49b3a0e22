pipeline --aging --waterfall --from-date 2025-01-31 --asof 2025-06-30 levers.csv
