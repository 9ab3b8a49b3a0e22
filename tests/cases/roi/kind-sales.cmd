roi --spend ../cac/spend.csv --kind sales ../cac/leads.csv
