lead-score --rules rules.csv --stages lead,customer --asof 2024-03-31T00:00:00Z --half-life 14 --grades A=50,B=30,C=0 leads.csv
