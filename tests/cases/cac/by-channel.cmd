cac --spend spend.csv --by channel leads.csv
