pipeline --stale-after 30 levers.csv
