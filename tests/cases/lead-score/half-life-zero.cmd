lead-score --rules rules.csv --half-life 0 --stages lead,customer leads.csv
