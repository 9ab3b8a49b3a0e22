lead-convert --ci 95 small.csv
