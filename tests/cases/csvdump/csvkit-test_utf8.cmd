csvdump ../../data/csvkit/test_utf8.csv
