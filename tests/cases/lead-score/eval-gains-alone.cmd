lead-score --fit logit --outcome outcome --x p --gains eval.csv
