attribute negative.csv
