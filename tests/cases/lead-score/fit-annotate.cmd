lead-score --fit logit --annotate --outcome y --x x sep-x.csv
