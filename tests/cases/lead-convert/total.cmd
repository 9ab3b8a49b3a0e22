lead-convert --by channel --total small.csv
