kpi-report --leads l.csv --spend s.csv --out r --by channel
