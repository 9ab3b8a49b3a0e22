lead-score --evaluate p --outcome outcome --gains --calibration eval.csv
