csvdump ../../data/csvkit/test_date_format.csv
