cycle-length --merge --by channel partial-altered.csv
