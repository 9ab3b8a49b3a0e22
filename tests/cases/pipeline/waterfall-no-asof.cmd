pipeline --waterfall --from-date 2025-03-31 levers.csv
