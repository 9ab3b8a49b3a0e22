cac --spend bad-month.csv leads.csv
