attribute --model first --half-life 3 weights.csv
