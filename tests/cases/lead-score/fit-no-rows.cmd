head -1 sep-x.csv | lead-score --fit logit --outcome y --x x
