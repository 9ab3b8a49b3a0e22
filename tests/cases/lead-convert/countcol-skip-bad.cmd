lead-convert --count-col leads --stages lead,customer --skip-bad counted-bad.csv
