lead-score --rules r-decay.csv --stages lead,customer leads.csv
