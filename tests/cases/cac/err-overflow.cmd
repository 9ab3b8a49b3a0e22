cac --spend overflow.csv leads.csv
