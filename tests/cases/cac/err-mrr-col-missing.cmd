cac --spend spend.csv --mrr-col MRR --margin 0.8 leads.csv
