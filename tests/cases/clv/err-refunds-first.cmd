clv --summary --refunds net refunds-first.csv
