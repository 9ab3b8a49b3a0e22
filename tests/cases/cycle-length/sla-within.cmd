cycle-length --stages lead,mql --asof 2024-03-05T12:00:00Z --unit hours --sla 1d --within 24 sla.csv
