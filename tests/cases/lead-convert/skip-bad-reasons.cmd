lead-convert --skip-bad reasons.csv
