clv --predict --horizon 365 --params params-b-1e20.csv sum-huge-spend.csv
