kpi-report --leads - --spend s.csv --out r
