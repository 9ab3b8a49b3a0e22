revenue --by store --period quarter --total store-ids.csv
