cycle-length --by channel --total --within 0.5,30,40,45 small.csv
