roi --spend ../cac/spend.csv --margin 1.2 ../cac/leads.csv
