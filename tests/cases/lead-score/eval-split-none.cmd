lead-score --evaluate p --outcome outcome --split-at 2030-01-01 eval.csv
