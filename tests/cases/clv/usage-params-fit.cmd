clv --predict --horizon 10 --params p.csv --fit bgnbd orders.csv
