lead-convert --annotate --window 30 small.csv
