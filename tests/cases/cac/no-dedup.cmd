cac --spend spend.csv --no-dedup leads.csv
