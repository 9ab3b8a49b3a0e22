lead-convert --date-format '%H:%M' small.csv
