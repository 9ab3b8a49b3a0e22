lead-score --predict model.csv aw.csv unseen.csv
