clv --summary nocols.csv
