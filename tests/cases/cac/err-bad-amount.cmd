cac --spend somebad.csv leads.csv
