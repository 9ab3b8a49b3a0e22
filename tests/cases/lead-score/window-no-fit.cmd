lead-score --rules rules.csv --window 30 --stages lead,customer leads.csv
