lead-score --rules r-directives.csv --stages lead,customer leads.csv
