cycle-length --include-lost --km backwards.csv
