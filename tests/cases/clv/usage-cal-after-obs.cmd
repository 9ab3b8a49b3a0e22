clv --summary --calibration-end 2024-02-01 --observation-end 2024-01-01 orders.csv
