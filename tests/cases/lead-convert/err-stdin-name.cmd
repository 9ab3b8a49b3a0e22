lead-convert < baddate.csv
