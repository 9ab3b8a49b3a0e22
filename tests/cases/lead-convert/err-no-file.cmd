lead-convert no-such-file.csv
