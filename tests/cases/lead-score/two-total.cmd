lead-score --rules r-two-total.csv --stages lead,customer leads.csv
