lead-score --fit logit --outcome y --x x1,x2 --l2 1 sep-both.csv
