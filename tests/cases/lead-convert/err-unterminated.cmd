lead-convert unterminated.csv
