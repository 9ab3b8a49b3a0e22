lead-score --evaluate p --outcome outcome --groups 3 eval.csv
