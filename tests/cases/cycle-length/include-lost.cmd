cycle-length --km --include-lost small.csv
