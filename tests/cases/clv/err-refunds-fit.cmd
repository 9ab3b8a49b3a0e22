clv --fit bgnbd --refunds net refunds-exceed.csv
