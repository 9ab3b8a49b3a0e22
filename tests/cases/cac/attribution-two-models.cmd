cac --attribution attr-two.csv --spend attr-spend.csv --by channel
