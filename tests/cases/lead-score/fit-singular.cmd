lead-score --fit logit --outcome y --x x1,x2 singular.csv
