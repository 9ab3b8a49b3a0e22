lead-convert --merge --by channel partial-badpart.csv
