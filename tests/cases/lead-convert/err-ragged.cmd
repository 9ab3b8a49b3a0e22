lead-convert ragged.csv
