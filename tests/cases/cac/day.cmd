cac --spend spend.csv --period day --by channel leads.csv
