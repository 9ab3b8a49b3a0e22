lead-score --rules r-total.csv --cap 5 --stages lead,customer leads.csv
