cac --spend monthly.csv --by channel leads.csv
