csvdump ../../data/csvkit/null_byte.csv
