csvdump ../../data/csvkit/test_empty_columns_long_row.csv
