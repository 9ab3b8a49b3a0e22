csvdump ../../data/csvkit/test_no_leading_zeroes.csv
