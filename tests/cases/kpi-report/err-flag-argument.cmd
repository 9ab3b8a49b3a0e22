kpi-report --leads l.csv --spend s.csv --out r --quiet=yes
