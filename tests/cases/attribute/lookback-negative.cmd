attribute --lookback -3 weights.csv
