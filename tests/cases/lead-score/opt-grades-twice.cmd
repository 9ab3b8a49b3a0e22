lead-score --rules r-dup.csv --grades A=1,A=2 --stages lead,customer leads.csv
