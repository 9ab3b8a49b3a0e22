lead-convert --ci 0.9 --ci 0.95 small.csv
