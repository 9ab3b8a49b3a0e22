pipeline --annotate levers.csv
