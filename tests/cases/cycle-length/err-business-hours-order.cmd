cycle-length --business-hours 17:00-09:00,mon-fri small.csv
