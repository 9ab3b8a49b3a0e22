csvdump ../../data/csvkit/blanks_converted.csv
