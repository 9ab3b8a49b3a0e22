lead-score --evaluate p --fit logit --outcome outcome eval.csv
