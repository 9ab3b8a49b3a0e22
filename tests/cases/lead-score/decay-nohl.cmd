lead-score --rules r-decay-nohl.csv --stages lead,customer --asof 2024-03-31T00:00:00Z leads.csv
