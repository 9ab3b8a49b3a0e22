lead-convert strayquote.csv
