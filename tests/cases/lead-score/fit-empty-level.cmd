lead-score --fit logit --outcome y --factor g empty-level.csv
