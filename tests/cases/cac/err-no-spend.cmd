cac leads.csv
