pipeline --waterfall --from-date 2025-03-31 --asof 2025-06-30 levers.csv
