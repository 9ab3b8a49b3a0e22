lead-convert ambiguous-date.csv
