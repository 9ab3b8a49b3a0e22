csvdump ../../data/csvkit/bad.csv
