lead-score --rules r-number.csv --stages lead,customer badnum.csv
