cac --spend currencies.csv leads.csv
