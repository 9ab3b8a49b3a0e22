clv --fit bgnbd sum-late.csv
