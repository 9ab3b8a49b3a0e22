cycle-length --km --include-lost alllost.csv
