clv --summary --refunds drop refunds.csv refunds-2.csv
