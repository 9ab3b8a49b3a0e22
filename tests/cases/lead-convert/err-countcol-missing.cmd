lead-convert --count-col nosuch counted.csv
