clv --fit bgnbd --refunds net sum-days.csv
