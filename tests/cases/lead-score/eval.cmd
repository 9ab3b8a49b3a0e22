lead-score --evaluate p --outcome outcome eval.csv
