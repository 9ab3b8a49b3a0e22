csvdump ../../data/csvkit/test_utf8_bom.csv
