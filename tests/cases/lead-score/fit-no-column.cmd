lead-score --fit logit --outcome y --x visits sep-x.csv
