lead-convert --bogus small.csv
