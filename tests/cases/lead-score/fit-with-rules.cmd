lead-score --fit logit --rules rules.csv --outcome y --x x sep-x.csv
