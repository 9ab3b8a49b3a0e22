kpi-report --leads l.csv --out r
