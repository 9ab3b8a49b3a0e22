revenue --by code store-ids.csv
