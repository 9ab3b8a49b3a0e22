cycle-length --sla 24h --annotate small.csv
