lead-score --rules r-bad-points.csv --stages lead,customer leads.csv
