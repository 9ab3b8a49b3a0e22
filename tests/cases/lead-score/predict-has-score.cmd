lead-score --predict model-x.csv has-score.csv
