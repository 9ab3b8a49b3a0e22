lead-score --rules rules.csv --split-at 2024-01-01 --stages lead,customer leads.csv
