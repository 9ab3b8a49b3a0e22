lead-convert < mac.csv
