clv --summary negative.csv
