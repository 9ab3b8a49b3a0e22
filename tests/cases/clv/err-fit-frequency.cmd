clv --fit bgnbd sum-huge-frequency.csv
