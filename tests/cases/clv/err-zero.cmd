clv --fit bgnbd sum-zero.csv
