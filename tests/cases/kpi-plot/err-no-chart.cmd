kpi-plot < funnel.csv
