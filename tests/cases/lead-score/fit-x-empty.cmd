lead-score --fit logit --outcome y --x x, sep-x.csv
