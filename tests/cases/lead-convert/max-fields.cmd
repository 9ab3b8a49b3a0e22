# A header of 9 fields past a cap of 8: the error names the line, nothing on stdout.
lead-convert --max-fields 8 small.csv
