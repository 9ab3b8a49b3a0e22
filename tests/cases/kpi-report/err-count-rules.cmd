kpi-report --leads examples/leads.csv --count-col n --rules examples/lead-rules.csv --out r
