clv --summary --unit weeks --calendar --calibration-end 2024-01-16 --observation-end 2024-01-20 orders.csv
