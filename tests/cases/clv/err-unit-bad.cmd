clv --fit bgnbd sum-badunit.csv
