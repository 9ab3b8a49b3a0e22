csvdump ../../data/csvkit/test_join_short_rows.csv
