cycle-length --stages lead,mql --asof 2024-03-05T12:00:00Z --unit hours --business-hours 00:00-24:00,SUN-tue --annotate sla.csv
