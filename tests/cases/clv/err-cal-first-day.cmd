clv --summary --calibration-end 2024-01-01 orders.csv
