lead-score --evaluate x --outcome y never.csv
