lead-convert --by channel quoting.csv
