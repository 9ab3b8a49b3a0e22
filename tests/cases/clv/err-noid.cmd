clv --summary noid.csv
