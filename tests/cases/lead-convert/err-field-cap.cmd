lead-convert --max-field 100 runaway.csv
