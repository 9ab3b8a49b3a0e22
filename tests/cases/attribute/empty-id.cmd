attribute empty-id.csv
