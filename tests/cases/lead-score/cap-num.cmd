lead-score --rules r-cap-num.csv --stages lead,customer leads.csv
