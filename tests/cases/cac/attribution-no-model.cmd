cac --attribution attr-two.csv --model linear --spend attr-spend.csv --by channel
