lead-score --rules nosuch.csv --stages lead,customer leads.csv
