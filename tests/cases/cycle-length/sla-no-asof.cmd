cycle-length --stages lead,mql --unit hours --sla 1440m sla.csv
