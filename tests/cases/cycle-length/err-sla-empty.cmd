cycle-length --sla '' small.csv
