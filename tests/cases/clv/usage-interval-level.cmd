clv --predict --horizon 52 --interval 0 orders.csv
