cac --spend spend.csv --by period leads.csv
