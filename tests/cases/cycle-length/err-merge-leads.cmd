cycle-length --merge --by channel small.csv
