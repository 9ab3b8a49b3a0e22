lead-convert --count-col leads --annotate counted.csv
