lead-score --rules r-two-caps.csv --stages lead,customer leads.csv
