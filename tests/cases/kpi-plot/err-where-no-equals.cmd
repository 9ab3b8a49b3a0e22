kpi-plot heatmap --where segment cohorts-segment.csv
