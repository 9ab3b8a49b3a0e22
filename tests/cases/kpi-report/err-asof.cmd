kpi-report --leads l.csv --spend s.csv --out r --asof 2026-02-30
