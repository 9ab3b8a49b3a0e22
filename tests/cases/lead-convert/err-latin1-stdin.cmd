lead-convert < latin1.csv
