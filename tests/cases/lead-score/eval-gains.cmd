lead-score --evaluate p --outcome outcome --groups 5 --gains eval.csv
