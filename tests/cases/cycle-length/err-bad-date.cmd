cycle-length baddate.csv
