cycle-length --business-hours 24:00-24:00,mon small.csv
