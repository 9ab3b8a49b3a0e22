attribute conv-no-value.csv
