kpi-report --leads examples/leads.csv --spend examples/spend.csv --spend - --out r
