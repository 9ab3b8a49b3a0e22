clv --validate trend --calibration-end 2024-02-01 orders.csv
