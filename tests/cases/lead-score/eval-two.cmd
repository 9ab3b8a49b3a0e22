lead-score --evaluate p,rule --outcome outcome eval.csv
