csvdump ../../data/csvkit/test_numeric_date_format.csv
