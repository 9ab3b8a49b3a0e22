lead-convert -d '"' small.csv
