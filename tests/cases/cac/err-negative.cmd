cac --spend negative.csv leads.csv
