clv --summary --refunds net refunds-huge.csv
