cycle-length --within 30,,90 small.csv
