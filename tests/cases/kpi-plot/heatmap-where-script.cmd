kpi-plot heatmap --where segment=enterprise --script cohorts-segment.csv
