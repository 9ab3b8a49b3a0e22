cac --spend spend.csv --mrr-col mrr leads.csv
