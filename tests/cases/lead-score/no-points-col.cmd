lead-score --rules r-no-points-col.csv --stages lead,customer leads.csv
