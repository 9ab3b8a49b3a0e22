lead-convert small.csv --by
