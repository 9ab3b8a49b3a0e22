roi ../cac/leads.csv
