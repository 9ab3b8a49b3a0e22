cycle-length --annotate small.csv - < small.csv
