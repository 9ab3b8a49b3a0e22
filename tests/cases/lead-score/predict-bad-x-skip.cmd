lead-score --predict model-x.csv --skip-bad visits.csv
