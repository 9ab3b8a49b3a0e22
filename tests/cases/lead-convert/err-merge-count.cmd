lead-convert --merge --by channel partial-bad.csv
