csvdump ../../data/csvkit/mac_newlines.csv
