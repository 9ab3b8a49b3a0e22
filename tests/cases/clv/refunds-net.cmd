clv --summary --refunds net refunds.csv
