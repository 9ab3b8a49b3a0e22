cac --spend spend.csv --spend-col cost=Cost leads.csv
