lead-score --rules rules.csv --save-model x.csv --stages lead,customer leads.csv
