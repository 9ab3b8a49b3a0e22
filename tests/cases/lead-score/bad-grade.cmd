lead-score --rules r-bad-grade.csv --stages lead,customer leads.csv
