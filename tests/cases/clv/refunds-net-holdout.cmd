clv --summary --refunds net --calibration-end 2024-01-20 refunds.csv
