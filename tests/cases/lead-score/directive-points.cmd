lead-score --rules r-directive-points.csv --stages lead,customer leads.csv
