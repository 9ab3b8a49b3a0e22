lead-convert --count-col leads counted.csv
