lead-score --rules r-bad-regex.csv --stages lead,customer leads.csv
