lead-score --rules r-between-order.csv --stages lead,customer leads.csv
