csvdump ../../data/csvkit/test_extra_header.csv
