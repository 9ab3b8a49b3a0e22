revenue nosuch.csv
