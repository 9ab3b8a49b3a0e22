clv --summary --refunds nett refunds.csv
