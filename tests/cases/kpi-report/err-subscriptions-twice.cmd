kpi-report --leads l.csv --spend s.csv --subscriptions a.csv --subscriptions b.csv --out r
