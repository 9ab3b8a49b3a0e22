attribute --half-life 0 weights.csv
