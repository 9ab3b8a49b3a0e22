cycle-length --merge --by channel partial-bad.csv
