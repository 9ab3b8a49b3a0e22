kpi-report --spend s.csv --out r
