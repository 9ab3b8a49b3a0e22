cycle-length --km --period month small.csv
