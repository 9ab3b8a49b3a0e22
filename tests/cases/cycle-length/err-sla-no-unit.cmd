cycle-length --sla 24 small.csv
