cycle-length --stages lead,won small.csv
