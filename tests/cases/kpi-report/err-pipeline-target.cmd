kpi-report --leads l.csv --spend s.csv --out r --pipeline-target 0.000
