lead-score --fit logit --outcome y --x x1,k singular.csv
