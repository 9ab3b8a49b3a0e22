cycle-length --unit weeks small.csv
