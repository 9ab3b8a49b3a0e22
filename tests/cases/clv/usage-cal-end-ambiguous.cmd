clv --fit bgnbd --calibration-end 03/01/2024 orders.csv
