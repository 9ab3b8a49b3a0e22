cycle-length --business-hours 09:60-17:00,mon-fri small.csv
