kpi-report --leads l.csv --spend s.csv --out r leads.csv
