clv --fit bgnbd --penalizer -1 four.csv
