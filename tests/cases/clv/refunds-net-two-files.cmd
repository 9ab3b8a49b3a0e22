clv --summary --refunds net refunds.csv refunds-2.csv
