lead-convert --annotate --by channel small.csv
