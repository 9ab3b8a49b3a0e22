cycle-length dups.csv
