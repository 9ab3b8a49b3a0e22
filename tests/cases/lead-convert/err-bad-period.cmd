lead-convert --period fortnight small.csv
