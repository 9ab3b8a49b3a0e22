cycle-length --km --unit hours small.csv
