kpi-plot funnel no-such.csv
