lead-convert --count-col leads --by channel --total counted.csv
