lead-score --rules r-bad-value.csv --stages lead,customer leads.csv
