kpi-report --leads examples/leads.csv --col 'id=Record
ID' --out r
