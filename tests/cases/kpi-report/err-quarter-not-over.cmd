kpi-report --leads l.csv --spend s.csv --out r --quarter 2026-Q4 --asof 2026-11-30
