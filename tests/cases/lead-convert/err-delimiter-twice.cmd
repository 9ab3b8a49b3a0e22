lead-convert -d ';' --delimiter , small.csv
