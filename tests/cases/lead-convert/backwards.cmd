lead-convert --by channel ../cycle-length/backwards.csv
