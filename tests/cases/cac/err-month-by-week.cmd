cac --spend monthly.csv --period week leads.csv
