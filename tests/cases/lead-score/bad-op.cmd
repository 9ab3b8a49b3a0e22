lead-score --rules r-bad-op.csv --stages lead,customer leads.csv
