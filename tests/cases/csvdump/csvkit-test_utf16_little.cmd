csvdump ../../data/csvkit/test_utf16_little.csv
