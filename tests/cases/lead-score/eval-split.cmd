lead-score --evaluate p --outcome outcome --split-at 2024-01-04 eval.csv
