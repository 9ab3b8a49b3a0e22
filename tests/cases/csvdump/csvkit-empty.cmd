csvdump ../../data/csvkit/empty.csv
