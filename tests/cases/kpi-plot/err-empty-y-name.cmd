kpi-plot series --x period --y lead_to_mql,,lead_to_customer < conversion.csv
