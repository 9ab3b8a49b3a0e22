cycle-length --stale 30 stale.csv
