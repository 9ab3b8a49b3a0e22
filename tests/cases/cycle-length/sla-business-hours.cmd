cycle-length --stages lead,mql --asof 2024-03-05T12:00:00Z --unit hours --sla 8h --business-hours 09:00-17:00,mon-fri --km sla.csv
