lead-score --fit logit --outcome y --x x never.csv
