lead-score --rules r-no-column.csv --stages lead,customer leads.csv
