clv --predict --horizon 52 --seed 7 orders.csv
