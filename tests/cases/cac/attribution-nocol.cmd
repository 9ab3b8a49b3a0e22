cac --attribution attr-nocol.csv --spend attr-spend.csv --by channel
