lead-convert utf16.csv
