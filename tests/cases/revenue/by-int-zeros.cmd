revenue --by zip store-ids.csv
