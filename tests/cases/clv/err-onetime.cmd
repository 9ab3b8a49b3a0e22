clv --fit bgnbd sum-onetime.csv
