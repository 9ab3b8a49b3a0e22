lead-score --evaluate rule --outcome outcome --calibration eval.csv
