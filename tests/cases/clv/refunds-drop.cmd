clv --summary --refunds drop refunds.csv
