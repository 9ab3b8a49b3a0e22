clv --fit paretonbd --penalizer 0.01 sum-new-repeat-buyer.csv
