cac --spend spend.csv --spend-col segment=channel --by segment leads.csv
