cycle-length --sla -2d small.csv
