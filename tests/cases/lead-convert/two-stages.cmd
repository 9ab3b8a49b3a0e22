lead-convert --stages lead,customer --ci 0.9 small.csv
