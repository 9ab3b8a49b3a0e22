lead-convert --merge --by channel partial-stage.csv
