cycle-length --merge --by channel partial-badpart.csv
