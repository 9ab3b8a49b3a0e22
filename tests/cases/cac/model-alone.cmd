cac --model first --spend attr-spend.csv --by channel leads.csv
