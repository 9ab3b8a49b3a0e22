roi --spend ../cac/spend.csv --kind ads ../cac/leads.csv
