clv --fit bgnbd sum-empty.csv
