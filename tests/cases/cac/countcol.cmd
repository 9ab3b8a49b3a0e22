cac --count-col n --spend spend.csv --mrr-col mrr --margin 0.5 --total counted-leads.csv
