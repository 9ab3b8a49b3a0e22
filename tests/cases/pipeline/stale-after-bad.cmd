pipeline --aging --stale-after -3 levers.csv
