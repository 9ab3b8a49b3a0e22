lead-score --rules r-missing-col.csv --stages lead,customer leads.csv
