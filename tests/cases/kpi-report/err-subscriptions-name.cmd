kpi-report --leads l.csv --spend s.csv --subscriptions '' --out r
