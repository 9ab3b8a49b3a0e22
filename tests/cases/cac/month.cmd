cac --spend spend.csv --period month leads.csv
