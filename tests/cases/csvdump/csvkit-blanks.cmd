csvdump ../../data/csvkit/blanks.csv
