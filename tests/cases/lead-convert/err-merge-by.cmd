lead-convert --merge --by channel partial-by.csv
