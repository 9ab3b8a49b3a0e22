lead-score --rules - --stages lead,customer leads.csv <r-directives.csv
