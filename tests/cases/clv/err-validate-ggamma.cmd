clv --validate errors --fit bgnbd,ggamma --calibration-end 2024-02-01 orders.csv
