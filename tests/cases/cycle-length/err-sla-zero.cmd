cycle-length --sla 0h small.csv
