cac --attribution attr-two.csv --model first --spend attr-spend.csv --by channel
