cycle-length --sla 10d --km backwards.csv
