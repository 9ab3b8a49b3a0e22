clv --summary nosuch.csv
