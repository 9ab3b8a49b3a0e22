revenue --by store store-ids.csv
