cycle-length --within 1.5,12 --unit hours --from opportunity small.csv
