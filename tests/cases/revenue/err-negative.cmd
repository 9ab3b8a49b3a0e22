revenue negative.csv
