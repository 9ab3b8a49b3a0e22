kpi-report --leads l.csv --spend s.csv --out r --pipeline-target 250000 --pipeline-target=300000
