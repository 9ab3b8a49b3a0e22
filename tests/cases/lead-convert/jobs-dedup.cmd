lead-convert --jobs 2 --by channel small.csv
