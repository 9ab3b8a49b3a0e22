lead-convert --count-col leads --count-col n counted.csv
