clv --summary --calibration-end 2024-01-15 orders.csv
