lead-convert --partial badmonth.csv
