clv --historical --refunds drop refunds.csv
