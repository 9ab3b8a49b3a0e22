cac --spend spend.csv --margin 0.8 leads.csv
