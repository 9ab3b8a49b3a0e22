lead-convert --merge --no-dedup --by channel partial-bad.csv
