csvdump ../../data/csvkit/test_locale.csv
