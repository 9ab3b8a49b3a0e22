clv --summary --skip-bad negative.csv
