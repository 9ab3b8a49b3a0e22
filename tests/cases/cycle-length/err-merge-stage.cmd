cycle-length --merge --by channel partial-stage.csv
