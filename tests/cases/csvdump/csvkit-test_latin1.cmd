csvdump ../../data/csvkit/test_latin1.csv
