clv --predict --horizon 8 --params params-gg.csv sum-weeks.csv
