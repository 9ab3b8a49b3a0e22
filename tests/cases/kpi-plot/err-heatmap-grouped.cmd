kpi-plot heatmap cohorts-segment.csv
