kpi-report --leads examples/leads.csv --join - --out r
