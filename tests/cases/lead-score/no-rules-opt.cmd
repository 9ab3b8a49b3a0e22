lead-score --stages lead,customer leads.csv
