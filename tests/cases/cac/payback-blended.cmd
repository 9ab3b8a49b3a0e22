cac --spend spend.csv --mrr-col mrr --margin 0.8 leads.csv
