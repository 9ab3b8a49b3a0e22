lead-score --fit logit --outcome y sep-x.csv
