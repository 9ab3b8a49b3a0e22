lead-convert --merge --by channel small.csv
