lead-score --predict model-x.csv aw.csv
