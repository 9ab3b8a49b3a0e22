attribute bad-time.csv
