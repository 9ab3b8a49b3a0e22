lead-score --predict model-x.csv visits.csv
