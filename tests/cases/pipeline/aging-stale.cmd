pipeline --aging --stale-after 10 --asof 2025-06-30 stages.csv
