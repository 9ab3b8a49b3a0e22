kpi-plot pie < funnel.csv
