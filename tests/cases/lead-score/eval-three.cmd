lead-score --evaluate p,rule,outcome --outcome outcome eval.csv
