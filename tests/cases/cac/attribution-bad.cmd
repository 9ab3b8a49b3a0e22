cac --attribution attr-bad.csv --spend attr-spend.csv --by channel
