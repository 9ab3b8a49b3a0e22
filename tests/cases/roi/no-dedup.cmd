roi --spend ../cac/spend.csv --no-dedup ../cac/leads.csv
