pipeline --waterfall --asof 2025-06-30 levers.csv
