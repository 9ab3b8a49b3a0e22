lead-score --rules r-dup.csv --grades A --stages lead,customer leads.csv
