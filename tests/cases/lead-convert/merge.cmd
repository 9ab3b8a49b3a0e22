lead-convert --merge --by channel --window 30 partial.csv
