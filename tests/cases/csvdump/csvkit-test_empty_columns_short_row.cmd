csvdump ../../data/csvkit/test_empty_columns_short_row.csv
