cac --spend monthly.csv --period day leads.csv
