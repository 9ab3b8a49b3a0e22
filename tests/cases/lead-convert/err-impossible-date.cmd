lead-convert baddate.csv
