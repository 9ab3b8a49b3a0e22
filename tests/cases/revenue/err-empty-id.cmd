revenue empty-id.csv
