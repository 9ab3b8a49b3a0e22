kpi-report --leads a.csv --leads b.csv --spend s.csv --out r
