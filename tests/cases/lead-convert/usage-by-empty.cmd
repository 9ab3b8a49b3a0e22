lead-convert --by ',channel' small.csv
