clv --predict --horizon 365 --margin 2 --params params-cdnowish.csv sum-huge-spend.csv
