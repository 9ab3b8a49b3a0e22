lead-score --rules rules.csv --x x leads.csv
