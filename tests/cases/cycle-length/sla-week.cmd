cycle-length --stages lead,mql --asof 2024-03-05T12:00:00Z --unit hours --sla 1w --business-hours 08:30-18:00,mon-sat sla.csv
