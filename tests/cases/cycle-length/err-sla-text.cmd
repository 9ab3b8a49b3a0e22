cycle-length --sla 24x small.csv
