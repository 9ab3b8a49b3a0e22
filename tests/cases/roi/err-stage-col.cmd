roi --spend ../cac/spend.csv --stage-col stage ../cac/leads.csv
