lead-score --rules r-directives.csv --stages lead,customer leads.csv | lead-score --evaluate score --stages lead,customer
