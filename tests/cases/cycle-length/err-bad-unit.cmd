cycle-length --unit months small.csv
