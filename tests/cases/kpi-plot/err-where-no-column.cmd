kpi-plot heatmap --where channel=email cohorts-segment.csv
