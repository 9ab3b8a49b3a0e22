cycle-length --partial --by channel small.csv
