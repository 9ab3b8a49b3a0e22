cac --spend bad-kind.csv leads.csv
