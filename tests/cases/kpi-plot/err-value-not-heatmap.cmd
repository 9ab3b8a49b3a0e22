kpi-plot series --x period --y lead_to_customer --value rate < conversion.csv
