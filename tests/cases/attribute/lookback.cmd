attribute --bootstrap 0 --model first,linear --lookback 30 lookback.csv
