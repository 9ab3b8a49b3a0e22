clv --fit bgnbd --calibration-end 2024-03-01 orders.csv
