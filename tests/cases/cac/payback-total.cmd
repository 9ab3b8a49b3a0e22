cac --spend spend.csv --by channel --mrr-col mrr --margin 0.5 --total leads.csv
