clv --fit bgnbd --interval 0.9 orders.csv
