roi --spend ../cac/spend.csv --period month ../cac/leads.csv
