cac --spend spend.csv --by channel --precision 2 leads.csv
