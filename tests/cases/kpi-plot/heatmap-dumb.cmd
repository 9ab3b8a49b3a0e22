kpi-plot heatmap cohorts.csv
