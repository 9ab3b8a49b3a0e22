cac --spend empty-date.csv leads.csv
