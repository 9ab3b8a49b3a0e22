cac --count-col n --spend spend.csv --by channel counted-leads.csv
