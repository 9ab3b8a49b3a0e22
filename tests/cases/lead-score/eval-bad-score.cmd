lead-score --evaluate x --outcome y bad-x.csv
