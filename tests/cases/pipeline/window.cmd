pipeline --window 30 levers.csv
