revenue future.csv
