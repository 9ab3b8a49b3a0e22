cycle-length --business-hours 9-17,mon-fri small.csv
