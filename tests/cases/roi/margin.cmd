roi --spend ../cac/spend.csv --by channel --margin 0.5 ../cac/leads.csv
