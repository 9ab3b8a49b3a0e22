lead-convert --no-dedup dups.csv
