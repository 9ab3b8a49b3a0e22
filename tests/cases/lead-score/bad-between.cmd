lead-score --rules r-bad-between.csv --stages lead,customer leads.csv
