cycle-length --sla 10001d small.csv
