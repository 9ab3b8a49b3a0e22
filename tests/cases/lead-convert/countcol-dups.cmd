lead-convert --count-col leads --stages lead,customer counted-dups.csv
