clv --fit bgnbd,nbd orders.csv
