lead-score --rules rules.csv --stages lead,customer --asof 2024-03-31T00:00:00Z --half-life 14 --cap 50 leads.csv
