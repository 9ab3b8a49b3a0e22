cac --attribution attr-two.csv --spend attr-spend.csv --by channel --mrr-col mrr --margin 0.8
