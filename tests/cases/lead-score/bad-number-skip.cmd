lead-score --rules r-number.csv --stages lead,customer --skip-bad badnum.csv
