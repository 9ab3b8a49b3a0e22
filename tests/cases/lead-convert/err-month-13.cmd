lead-convert badmonth.csv
