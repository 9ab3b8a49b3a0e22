lead-score --rules - --stages lead,customer <leads.csv
