cycle-length --annotate order.csv
