lead-convert --preset hubspot small.csv
