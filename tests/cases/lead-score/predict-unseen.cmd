lead-score --predict model.csv unseen.csv
