lead-score --rules r-empty.csv --stages lead,customer leads.csv
