kpi-plot series --y lead_to_customer --x
