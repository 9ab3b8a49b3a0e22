cycle-length --km alllost.csv
