cycle-length --km --by channel --total small.csv
