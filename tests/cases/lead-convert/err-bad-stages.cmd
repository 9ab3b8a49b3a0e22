lead-convert --stages lead small.csv
