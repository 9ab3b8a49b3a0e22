lead-score --rules r-grade-group.csv --stages lead,customer leads.csv
