clv --historical future.csv
