revenue huge.csv
