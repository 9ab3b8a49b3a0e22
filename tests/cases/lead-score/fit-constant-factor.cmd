lead-score --fit logit --outcome y --x x1 --factor g singular.csv
