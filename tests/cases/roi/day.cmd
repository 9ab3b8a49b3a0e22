roi --spend ../cac/spend.csv --period day ../cac/leads.csv
