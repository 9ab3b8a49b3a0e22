cycle-length --sla 24h --sla 2d small.csv
