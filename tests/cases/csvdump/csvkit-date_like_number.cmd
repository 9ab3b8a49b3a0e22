csvdump ../../data/csvkit/date_like_number.csv
