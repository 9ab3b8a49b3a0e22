cac --spend - < leads.csv
