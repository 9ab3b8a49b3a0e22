lead-score --fit logit --outcome y --x x bad-x.csv
