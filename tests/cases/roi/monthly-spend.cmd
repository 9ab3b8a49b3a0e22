roi --spend ../cac/monthly.csv --by channel ../cac/leads.csv
