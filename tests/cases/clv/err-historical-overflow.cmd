clv --historical --by channel huge-amounts.csv
