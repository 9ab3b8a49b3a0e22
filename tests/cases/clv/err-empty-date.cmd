clv --summary orders-nodate.csv
