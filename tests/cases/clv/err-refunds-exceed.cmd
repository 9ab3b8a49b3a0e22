clv --summary --refunds net refunds-exceed.csv
