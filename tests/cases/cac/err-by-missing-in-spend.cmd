cac --spend spend.csv --by channel,segment leads.csv
