clv --predict --horizon 30 --unit days --params cdnow-bgnbd.csv sum-weeks.csv
