cycle-length --no-dedup dups.csv
