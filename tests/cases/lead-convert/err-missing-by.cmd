lead-convert --by region small.csv
