roi --spend ../cac/spend.csv ../cac/leads.csv
