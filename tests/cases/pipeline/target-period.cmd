pipeline --target 2500.50 --period quarter levers.csv
