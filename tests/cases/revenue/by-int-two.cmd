revenue --by store --by region store-ids.csv && revenue --by region --by store store-ids.csv
