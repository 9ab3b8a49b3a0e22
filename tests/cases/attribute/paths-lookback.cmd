attribute --paths --lookback 30 example.csv
