clv --predict --horizon 39 --params cdnow-bgnbd.csv --interval 0.95 orders.csv
