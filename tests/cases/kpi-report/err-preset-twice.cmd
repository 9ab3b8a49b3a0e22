kpi-report --leads examples/leads.csv --preset hubspot-contacts --preset hubspot-deals --out r
