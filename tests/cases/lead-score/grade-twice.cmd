lead-score --rules r-grade-twice.csv --stages lead,customer leads.csv
