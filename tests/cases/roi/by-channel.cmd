roi --spend ../cac/spend.csv --by channel ../cac/leads.csv
