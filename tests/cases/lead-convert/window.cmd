lead-convert --window 30 small.csv
