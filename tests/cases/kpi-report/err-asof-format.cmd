kpi-report --leads l.csv --spend s.csv --out r --asof 1/10/2026
