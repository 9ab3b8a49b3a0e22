lead-score --rules r-grade-num.csv --stages lead,customer leads.csv
