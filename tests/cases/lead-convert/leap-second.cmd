lead-convert --period year leap-second.csv
