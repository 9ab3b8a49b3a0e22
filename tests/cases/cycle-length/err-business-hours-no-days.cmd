cycle-length --business-hours 09:00-17:00 small.csv
