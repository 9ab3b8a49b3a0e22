lead-score --rules r-decay.csv --stages lead,customer --asof 2024-03-31 leads.csv
