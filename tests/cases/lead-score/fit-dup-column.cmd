lead-score --fit logit --outcome y --x x dupx.csv
