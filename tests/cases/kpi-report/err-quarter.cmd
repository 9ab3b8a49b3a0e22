kpi-report --leads l.csv --spend s.csv --out r --quarter 2026Q3
