cac --spend spend-a.csv --spend spend-eur.csv leads.csv
