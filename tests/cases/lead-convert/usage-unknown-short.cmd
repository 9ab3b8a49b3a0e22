lead-convert -x small.csv
