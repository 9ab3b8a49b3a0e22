cycle-length --annotate small.csv order.csv
