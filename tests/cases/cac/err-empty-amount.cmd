cac --spend empty-amount.csv leads.csv
