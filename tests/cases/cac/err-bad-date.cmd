cac --spend bad-date.csv leads.csv
