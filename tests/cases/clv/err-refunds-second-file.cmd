clv --summary --refunds net refunds.csv refunds-exceed.csv
