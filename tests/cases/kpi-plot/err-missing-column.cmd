kpi-plot series --x period --y lead_to_sql < conversion.csv
