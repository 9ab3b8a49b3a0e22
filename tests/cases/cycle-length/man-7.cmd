cd "$ROOT" || exit 1
cycle-length --to mql --by channel --sla 8h --business-hours 09:00-17:00,mon-fri --unit hours examples/leads.csv | cut -d, -f1,13-20
