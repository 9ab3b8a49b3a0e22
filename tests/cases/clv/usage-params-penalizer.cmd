clv --predict --horizon 5 --params cdnow-bgnbd.csv --penalizer 0.1 four.csv
