clv --summary huge-amounts.csv
