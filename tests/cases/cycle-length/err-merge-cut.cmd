cycle-length --merge --by channel partial-cut.csv
