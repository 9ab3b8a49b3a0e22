cac --spend spend.csv --mrr-col mrr --margin 80 leads.csv
