kpi-plot funnel < cac.csv
