lead-score --fit logit --outcome y --x x --window 30 sep-x.csv
