kpi-report --leads l.csv --spend s.csv --out r --fiscal-year-start 13
