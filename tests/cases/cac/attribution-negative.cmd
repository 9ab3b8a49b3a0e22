cac --attribution attr-negative.csv --spend attr-spend.csv --by channel
