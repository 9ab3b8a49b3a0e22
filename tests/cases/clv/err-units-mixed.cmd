clv --predict --horizon 5 --params cdnow-bgnbd.csv sum-days.csv sum-weeks.csv
