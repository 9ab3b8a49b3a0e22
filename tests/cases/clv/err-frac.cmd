clv --fit bgnbd sum-frac.csv
