lead-score --fit logit --predict model.csv --outcome y --x x sep-x.csv
