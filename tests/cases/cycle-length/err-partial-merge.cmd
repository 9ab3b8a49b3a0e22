cycle-length --partial --merge small.csv
