cac --spend join-spend.csv --attribution attr.csv --by origin --join closed_deals.csv
