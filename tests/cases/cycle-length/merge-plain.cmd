cycle-length --merge --by channel partial.csv
