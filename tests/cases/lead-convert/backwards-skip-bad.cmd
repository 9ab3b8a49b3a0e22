lead-convert --skip-bad ../cycle-length/backwards.csv
