cac --spend empty-currency.csv leads.csv
