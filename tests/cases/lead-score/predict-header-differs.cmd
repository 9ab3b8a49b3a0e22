lead-score --predict model.csv aw.csv aw2.csv
