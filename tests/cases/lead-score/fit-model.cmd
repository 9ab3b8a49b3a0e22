lead-score --fit probit --outcome y --x x sep-x.csv
