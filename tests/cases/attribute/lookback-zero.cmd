attribute --lookback 0 weights.csv
