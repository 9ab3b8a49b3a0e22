cycle-length --km --within 10,30,40,117,118 small.csv
