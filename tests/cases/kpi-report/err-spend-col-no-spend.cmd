kpi-report --leads examples/leads.csv --spend-col amount=Cost --out r
