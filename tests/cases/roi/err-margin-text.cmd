roi --spend ../cac/spend.csv --margin 80% ../cac/leads.csv
