csvdump ../../data/csvkit/test_locale_converted.csv
