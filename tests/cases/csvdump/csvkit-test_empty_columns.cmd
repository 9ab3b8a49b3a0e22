csvdump ../../data/csvkit/test_empty_columns.csv
