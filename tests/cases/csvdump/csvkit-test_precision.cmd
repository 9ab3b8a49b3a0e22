csvdump ../../data/csvkit/test_precision.csv
