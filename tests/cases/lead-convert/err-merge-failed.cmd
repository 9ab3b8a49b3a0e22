lead-convert --merge partial-failed.csv
