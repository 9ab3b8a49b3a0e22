attribute conflict.csv
