roi --spend ../cac/spend.csv --mrr-col mrr ../cac/leads.csv
