clv --validate errors --summary --calibration-end 2024-02-01 orders.csv
