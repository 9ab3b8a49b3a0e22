csvdump ../../data/csvkit/test_header_newline.csv
