clv --validate errors --refunds net --calibration-end 2024-02-01 orders.csv
