lead-convert --date-format '%m/%d/%Y' us-time.csv
