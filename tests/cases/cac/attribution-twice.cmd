cac --attribution attr-twice.csv --spend attr-spend.csv --by channel
