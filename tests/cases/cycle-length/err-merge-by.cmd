cycle-length --merge --by channel partial-by.csv
