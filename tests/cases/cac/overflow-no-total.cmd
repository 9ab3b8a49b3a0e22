cac --spend overflow-total.csv --by channel leads.csv
