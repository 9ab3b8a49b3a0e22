lead-convert --jobs 3 --no-dedup --by channel small.csv
