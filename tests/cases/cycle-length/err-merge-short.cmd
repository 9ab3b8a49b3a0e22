cycle-length --merge --by channel partial-short.csv
