roi --spend ../cac/spend.csv --by channel --kind marketing ../cac/leads.csv
