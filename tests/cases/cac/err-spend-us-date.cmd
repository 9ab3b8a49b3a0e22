cac --spend us-date.csv leads.csv
