cac --spend spend.csv --spend-col amount leads.csv
