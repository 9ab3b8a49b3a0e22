lead-convert --partial --merge small.csv
