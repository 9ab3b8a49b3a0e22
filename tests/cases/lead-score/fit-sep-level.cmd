lead-score --fit logit --outcome y --x x --factor g sep-level.csv
