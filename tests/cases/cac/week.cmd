cac --spend spend.csv --period week leads.csv
