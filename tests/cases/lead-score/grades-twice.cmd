lead-score --rules r-grades.csv --grades A=5 --stages lead,customer leads.csv
