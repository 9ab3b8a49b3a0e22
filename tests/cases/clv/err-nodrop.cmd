clv --fit bgnbd sum-nodrop.csv
