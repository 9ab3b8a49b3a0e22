lead-convert --period quarter small.csv
