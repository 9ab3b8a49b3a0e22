cycle-length --sla 0.0000001m small.csv
