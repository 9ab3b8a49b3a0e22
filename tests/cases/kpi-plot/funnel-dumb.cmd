kpi-plot funnel < funnel.csv
