cac -d ";" --spend comma.csv leads.csv
