csvdump ../../data/csvkit/sort_ints_nulls.csv
