lead-convert dotted-date.csv
