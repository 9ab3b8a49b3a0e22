lead-score --rules r-dup.csv --grades A=x --stages lead,customer leads.csv
