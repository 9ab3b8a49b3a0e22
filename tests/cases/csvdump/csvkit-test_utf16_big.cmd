csvdump ../../data/csvkit/test_utf16_big.csv
