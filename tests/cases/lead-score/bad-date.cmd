lead-score --rules r-decay.csv --stages lead,customer --asof 2024-03-31T00:00:00Z baddate.csv
