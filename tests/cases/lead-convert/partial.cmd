lead-convert --partial --by channel --window 30 small.csv
