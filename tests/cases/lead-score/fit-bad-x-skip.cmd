lead-score --fit logit --outcome y --x x --skip-bad --fit-stats bad-x.csv
