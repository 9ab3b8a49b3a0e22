roi --spend ../cac/spend.csv --margin 0.5 --total ../cac/leads.csv
